tracebriefSearch.terms("na",{"nato":"1,8"});
